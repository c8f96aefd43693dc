package dev.skopos.mesh;

/** A sidecar next to an application, or a standalone gateway (ingress, egress, east-west). */
public enum ProxyKind { SIDECAR, GATEWAY }
