import { serveSandbox } from '../../lib/sandbox/serve-sandbox';

// The manifest lists this page under `sandbox`: an opaque origin, no extension APIs, no network (see wxt.config.ts).
serveSandbox();
