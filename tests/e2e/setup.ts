import { afterEach } from 'vitest';
import { checkAllAudits } from './support/egress-audit';

// The egress audit runs after every E2E test, for every browser the harness launched.
afterEach(() => checkAllAudits());
