import { defineReformkitProject } from '@reformkit/vitest-config'

export default defineReformkitProject('workbook')
