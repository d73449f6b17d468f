package org.refocus.interfaces.rest;

/** A request the API refuses as malformed; mapped to 400 with the message. */
class BadRequestProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadRequestProblem(String message) {
    super(message);
  }
}
