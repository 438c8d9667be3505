import { defineLibraryConfig } from '@reformkit/tsup-config'

export default defineLibraryConfig()
