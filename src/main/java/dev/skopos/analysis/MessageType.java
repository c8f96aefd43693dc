package dev.skopos.analysis;

/**
 * One kind of finding: istioctl's (IST0101 ReferencedResourceNotFound) or ours (SKP codes).
 *
 * @param template Go fmt template (%s, %q, %d, %v)
 */
public record MessageType(String name, String code, Level level, String template) {}
