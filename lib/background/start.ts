/** Wires every background service. Filled in below. */
export function startBackground(): void {}
