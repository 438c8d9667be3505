// A project in the browser: the files a user opened (or the bundled example), read and
// checked by @reformkit/project, the same loader the command line uses. Nothing here
// leaves the page: files are read with the File API and hashed with Web Crypto.
import type { Locale, Plan } from '@reformkit/model'
import { type CheckedProject, checkProject, type Project } from '@reformkit/project'
import { computeViews, type PlanViews } from '@reformkit/report'

export {
  classify,
  filesFromDrop,
  filesFromInput,
  loadProject,
  mergeOpened,
  type Project,
  type ProjectFile,
  relativeToProject,
} from '@reformkit/project'

export interface ViewedProject extends CheckedProject {
  views?: PlanViews
}

/** Check the ledger and compute the views for one day. Pure: run again on every change. */
export function viewProject(project: Project, asOf: string, locale: Locale): ViewedProject {
  const checked = checkProject(project, { asOf, locale })
  if (!project.plan || !checked.requirements) return checked
  const views = computeViews({
    plan: project.plan,
    entries: project.entries,
    diagnostics: checked.diagnostics,
    asOf,
    requirements: checked.requirements,
    ...(project.reportConfig ? { config: project.reportConfig } : {}),
  })
  return { ...checked, views }
}

/** The day a project opens on: today, or the end of the plan period if that is earlier. */
export function defaultAsOf(plan: Plan | undefined, today: string): string {
  return plan && plan.period.end < today ? plan.period.end : today
}
