import { describe, expect, it } from 'vitest'
import { parseProfile } from './profile.js'
import { resolveRequirements } from './requirements.js'

const text = `schema: reformkit/profile@1
id: talent-2021
name: 人才发展五年行动计划保障措施
description: 每个事项有推进材料;每半年督办一次
extends: generic
supervision: halfYear
outcome: [progress]
`
const plan = { items: [{ id: 'i1', major: false }] } as never

describe('profile files (reformkit/profile@1)', () => {
  it('read over the profile they extend, and resolve as the base of the requirements', () => {
    const { ok, profile, diagnostics } = parseProfile(text, { filename: 'reformkit.profile.yaml' })
    expect(diagnostics).toEqual([])
    expect(ok).toBe(true)
    expect(profile).toMatchObject({
      id: 'talent-2021',
      decision: [],
      outcome: ['progress'],
      supervision: 'halfYear',
      kpiProjection: 'elapsed',
    })
    // The config's section still changes any field over the file.
    const requirements = resolveRequirements(
      plan,
      { requirements: { supervision: 'year' } },
      profile,
    )
    expect(requirements.profile).toBe('talent-2021')
    expect(requirements.supervision).toBe('year')
    expect(requirements.items.get('i1')?.materials).toEqual(['progress', 'supervision'])
  })

  it('report what is wrong, located: an unknown field, an unknown base, a wrong tag', () => {
    const bad = parseProfile(`${text}supervison: month\n`, { filename: 'p.yaml', locale: 'en' })
    expect(bad.ok).toBe(false)
    expect(bad.diagnostics.map((d) => [d.ruleId, d.location.line])).toEqual([
      ['schema/unknown-key', 8],
    ])
    expect(bad.diagnostics[0]?.message).toMatch(/supervision/)
    expect(parseProfile(text.replace('extends: generic', 'extends: beijing')).ok).toBe(false)
    expect(parseProfile(text.replace('profile@1', 'config@1')).diagnostics[0]?.ruleId).toBe(
      'schema/wrong-tag',
    )
  })
})
