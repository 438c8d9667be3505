import { defineLibraryConfig } from '@reformkit/tsup-config'

export default defineLibraryConfig({ entry: { index: 'src/index.ts' } })
