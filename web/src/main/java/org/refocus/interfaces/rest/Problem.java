package org.refocus.interfaces.rest;

/** The body of every error response: the HTTP status and a message a person can act on. */
public record Problem(int status, String message) {}
