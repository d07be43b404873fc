import type { SyntheticEvent } from 'react';

/**
 * Wraps a UI handler so it runs only for events the browser made from real
 * user input. A page's script can dispatch synthetic clicks and keys
 * (`isTrusted` false); in a closed shadow root it has no handle on our
 * buttons, and this is the second lock: no page script can press "Allow".
 */
export function trusted<E extends SyntheticEvent>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.nativeEvent.isTrusted) handler(event);
  };
}
