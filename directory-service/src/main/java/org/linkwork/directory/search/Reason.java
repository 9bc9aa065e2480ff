package org.linkwork.directory.search;

/** Why a service matched one part of a search, in words a link worker can pass on. */
public record Reason(String criterion, String detail) {
}
