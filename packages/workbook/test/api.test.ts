// The public API, checked in as api.md: an export added or removed without updating it
// fails here, so every change of the surface shows in review (UPDATE_API=1 to regenerate);
// and every export is documented in the README.
import { testPublicApi } from '@reformkit/vitest-config/api-report'

testPublicApi(new URL('../', import.meta.url))
