/** A request Keel could not take (a pain report, a session log, a test result), in words the runner can act on. */
export class InputError extends Error {}
