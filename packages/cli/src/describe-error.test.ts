import { ProjectError } from '@reformkit/project'
import { ReportTooLargeError } from '@reformkit/report'
import { BundleError } from '@reformkit/report/node'
import { describe, expect, it } from 'vitest'
import { describeError } from './describe-error.js'
import { EXIT, InputError, UsageError } from './errors.js'

describe('one handler from error classes to exit codes', () => {
  it.each([
    ['usage', new UsageError('--as-of 2017-13-01'), EXIT.usage],
    ['bundle', new BundleError('out.zip exists'), EXIT.usage],
    ['input', new InputError('cannot write'), EXIT.io],
    ['project', new ProjectError('no plan.yaml', 'no-plan'), EXIT.io],
    ['too large for the format', new ReportTooLargeError('docx', 9000, 5000), EXIT.usage],
    ['file system', Object.assign(new Error('x'), { code: 'EACCES', path: '/p' }), EXIT.io],
  ])('%s', (_, error, code) => {
    expect(describeError(error, 'en').exitCode).toBe(code)
  })

  it('an internal error exits 70 and says how to report it, in both languages', () => {
    const en = describeError(new TypeError('x.y is not a function'), 'en')
    expect(en.exitCode).toBe(70)
    expect(en.message).toMatch(
      /x\.y is not a function.*reformkit bug.*exit 70.*--debug.*maintainers/,
    )
    const zh = describeError('boom', 'zh-CN')
    expect(zh.exitCode).toBe(70)
    expect(zh.message).toMatch(/内部错误:boom.*缺陷.*--debug.*报告/)
  })

  it('tells errors by class, not by a name string', () => {
    const impostor = Object.assign(new Error('looks like one'), { name: 'BundleError' })
    expect(describeError(impostor, 'en').exitCode).toBe(70)
  })
})

describe('the error line on a terminal', () => {
  it('shows control characters escaped: one line, nothing executed', () => {
    const { message } = describeError(
      new InputError('cannot read p\u001b[2J\nreformkit: forged'),
      'en',
    )
    expect(message).toBe('cannot read p\\x1b[2J\\nreformkit: forged')
  })
})
