// @reformkit/extract — a draft plan from a reform plan as published. Browser-safe.

export { DOCX_MAX_INFLATED, textFromDocx } from './docx.js'
export { type ExtractOptions, type ExtractResult, extractMessages, extractPlan } from './extract.js'
export { textFromHtml } from './html.js'
export { type Score, scoreDraft, type Truth } from './score.js'
export { type FoundDeadline, type FoundTarget, findDeadlines, findTargets } from './targets.js'
export { type Assignment, parseLabelled, type Role, splitNames } from './units.js'
