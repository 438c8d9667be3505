/**
 * A project that cannot be opened at all: no such folder, or no plan.yaml in it. Problems
 * inside the files are findings, never this error.
 */
export class ProjectError extends Error {
  override name = 'ProjectError'
  constructor(
    message: string,
    /** `no-folder` or `no-plan`. */
    readonly code: 'no-folder' | 'no-plan',
  ) {
    super(message)
  }
}
