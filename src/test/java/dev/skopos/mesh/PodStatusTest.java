package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodStatusTest {

    /** Expected values are what kubectl get pods prints for the same objects. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "classic-sidecar.json,      2/2, Running,          0",
            "native-sidecar.json,       2/2, Running,          1",
            "gateway.json,              1/1, Running,          0",
            "crashloop.json,            1/2, CrashLoopBackOff, 7",
            "native-initializing.json,  0/2, Init:1/2,         2",
            "terminating.json,          1/2, Terminating,      0",
            "no-proxy.json,             1/1, Running,          0",
            "malformed.json,            0/2, Init:0/0,         0",
    })
    void matchesKubectl(String file, String ready, String status, int restarts) {
        assertThat(PodStatus.of(PodFixtures.json(file))).isEqualTo(new PodStatus(ready, status, restarts));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // init container failed, no reason: exit code
            "{'spec':{'initContainers':[{'name':'i'}],'containers':[{'name':'a'}]},'status':{'phase':'Pending','initContainerStatuses':[{'name':'i','state':{'terminated':{'exitCode':2}}}]}} | 0/1 | Init:ExitCode:2",
            "{'spec':{'initContainers':[{'name':'i'}],'containers':[{'name':'a'}]},'status':{'phase':'Pending','initContainerStatuses':[{'name':'i','state':{'waiting':{'reason':'ImagePullBackOff'}}}]}} | 0/1 | Init:ImagePullBackOff",
            "{'spec':{'initContainers':[{'name':'i'}],'containers':[{'name':'a'}]},'status':{'phase':'Pending','initContainerStatuses':[{'name':'i','state':{'waiting':{'reason':'PodInitializing'}}}]}} | 0/1 | Init:0/1",
            "{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Pending','containerStatuses':[{'name':'a','state':{'waiting':{'reason':'ImagePullBackOff'}}}]}} | 0/1 | ImagePullBackOff",
            "{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Running','containerStatuses':[{'name':'a','state':{'terminated':{'exitCode':0,'signal':9}}}]}} | 0/1 | Signal:9",
            "{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Failed','reason':'Evicted'}} | 0/1 | Evicted",
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]},'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True'}],'containerStatuses':[{'name':'a','ready':true,'state':{'running':{}}},{'name':'b','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}} | 1/2 | Running",
            "{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Pending','conditions':[{'type':'PodScheduled','status':'False','reason':'SchedulingGated'}]}} | 0/1 | SchedulingGated",
            "{'metadata':{'deletionTimestamp':'2025-01-01T00:00:00Z'},'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Running','reason':'NodeLost'}} | 0/1 | Unknown",
            "{'metadata':{'deletionTimestamp':'2025-01-01T00:00:00Z'},'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Succeeded'}} | 0/1 | Succeeded",
            "{} | 0/0 | Unknown",
    })
    void followsKubectlReasonRules(String pod, String ready, String status) {
        PodStatus s = PodStatus.of(PodFixtures.parse(pod.replace('\'', '"')));

        assertThat(s.ready()).isEqualTo(ready);
        assertThat(s.status()).isEqualTo(status);
    }
}
