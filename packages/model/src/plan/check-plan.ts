import { diagnosticFactory } from '../diagnostic/create.js'
import type { Diagnostic, Locale, SourceLocation, Suggestion } from '../diagnostic/diagnostic.js'
import { modelMessages } from '../diagnostic/messages.js'
import { formatOrdinal } from '../ordinal/ordinal.js'
import { isWithinPeriod } from '../period/period.js'
import type { Plan } from '../schema/plan.js'
import { closest } from '../util/closest.js'

type Locate = (path: readonly PropertyKey[]) => SourceLocation

/**
 * Checks across a schema-valid plan: unique ids, every reference resolvable, item numbers
 * 1..n in order, KPI ranges complete, milestones inside the period, declared category
 * counts met. Pure; every finding is located through `locate`.
 */
export function checkPlanReferences(
  plan: Plan,
  locate: Locate,
  locale: Locale = 'zh-CN',
): Diagnostic[] {
  const report = diagnosticFactory(modelMessages, locale)
  const diagnostics: Diagnostic[] = []

  const unique = (collection: string, ids: Array<{ id: string; path: PropertyKey[] }>) => {
    const first = new Map<string, PropertyKey[]>()
    for (const { id, path } of ids) {
      const earlier = first.get(id)
      if (earlier) {
        const firstLocation = locate(earlier)
        diagnostics.push(
          report({
            ruleId: 'plan/duplicate-id',
            data: { collection, id, firstLine: firstLocation.line ?? '?' },
            location: locate(path),
            related: [{ message: id, location: firstLocation }],
          }),
        )
      } else {
        first.set(id, path)
      }
    }
    return first
  }

  const unitIds = unique('units / unitGroups', [
    ...plan.units.map((u, i) => ({ id: u.id, path: ['units', i, 'id'] })),
    ...plan.unitGroups.map((g, i) => ({ id: g.id, path: ['unitGroups', i, 'id'] })),
  ])
  const units = new Set(plan.units.map((u) => u.id))
  unique(
    'categories',
    plan.categories.map((c, i) => ({ id: c.id, path: ['categories', i, 'id'] })),
  )
  unique(
    'items',
    plan.items.map((item, i) => ({ id: item.id, path: ['items', i, 'id'] })),
  )
  unique(
    'kpis',
    plan.items.flatMap((item, i) =>
      item.kpis.map((k, j) => ({ id: k.id, path: ['items', i, 'kpis', j, 'id'] })),
    ),
  )
  unique(
    'milestones',
    plan.items.flatMap((item, i) =>
      item.milestones.map((m, j) => ({ id: m.id, path: ['items', i, 'milestones', j, 'id'] })),
    ),
  )

  if (plan.period.start > plan.period.end) {
    diagnostics.push(
      report({
        ruleId: 'plan/period-reversed',
        data: { ...plan.period },
        location: locate(['period']),
      }),
    )
  }

  plan.unitGroups.forEach((group, g) => {
    group.members.forEach((member, m) => {
      if (!units.has(member)) {
        diagnostics.push(
          report({
            ruleId: 'plan/unknown-group-member',
            data: { group: group.id, id: member },
            location: locate(['unitGroups', g, 'members', m]),
            suggestions: suggestUnit(member, plan, false),
          }),
        )
      }
    })
  })

  const categoryIds = new Set(plan.categories.map((c) => c.id))
  const ancestors = categoryAncestors(plan, locate, report, diagnostics)
  const counted = new Map<string, number>()
  const perCategory = new Map<string, number>()
  plan.items.forEach((item, i) => {
    const label = formatOrdinal(Math.min(Math.max(item.number, 1), 9999))
    const itemPath = ['items', i]
    // A declared count (共N项) covers the items of the category and of those beneath it.
    for (const id of [item.category, ...(ancestors.get(item.category) ?? [])])
      counted.set(id, (counted.get(id) ?? 0) + 1)
    if (plan.numbering === 'perCategory') {
      const position = (perCategory.get(item.category) ?? 0) + 1
      perCategory.set(item.category, position)
      if (item.number !== position)
        diagnostics.push(
          report({
            ruleId: 'plan/item-number-restart',
            data: { category: item.category, position, expected: position, actual: item.number },
            location: locate([...itemPath, 'number']),
          }),
        )
    } else if (item.number !== i + 1) {
      diagnostics.push(
        report({
          ruleId: 'plan/item-number-sequence',
          data: { position: i + 1, expected: i + 1, actual: item.number },
          location: locate([...itemPath, 'number']),
        }),
      )
    }
    if (!categoryIds.has(item.category)) {
      diagnostics.push(
        report({
          ruleId: 'plan/unknown-category',
          data: { item: label, id: item.category },
          location: locate([...itemPath, 'category']),
          suggestions: suggestFrom(item.category, [...categoryIds]),
        }),
      )
    }
    if (item.responsible.length === 0)
      diagnostics.push(
        report({
          ruleId: 'plan/no-unit',
          severity: 'info',
          data: { item: label },
          location: locate(itemPath),
        }),
      )
    for (const field of ['responsible', 'lead', 'support'] as const) {
      item[field]?.forEach((id, k) => {
        // Located only when there is a finding: a province's plan names thousands of units.
        const location = () => locate([...itemPath, field, k])
        if (!unitIds.has(id)) {
          const suggestions = suggestUnit(id, plan, true)
          const suggestion = suggestions[0]?.replacement
          diagnostics.push(
            report({
              ruleId: 'plan/unknown-unit',
              messageId: suggestion ? 'plan/unknown-unit-suggest' : 'plan/unknown-unit',
              data: suggestion
                ? {
                    item: label,
                    field,
                    id,
                    suggestion,
                    suggestionName: suggestions[0]?.message ?? '',
                  }
                : { item: label, field, id },
              location: location(),
              suggestions,
            }),
          )
        } else if (field !== 'responsible' && !item.responsible.includes(id)) {
          diagnostics.push(
            report({
              ruleId: 'plan/lead-not-responsible',
              data: { item: label, field, id },
              location: location(),
            }),
          )
        }
      })
    }
    item.kpis.forEach((kpi, k) => {
      const kpiPath = [...itemPath, 'kpis', k, 'target']
      const { comparator, value, upper } = kpi.target
      if (comparator === 'range' && upper === undefined) {
        diagnostics.push(
          report({
            ruleId: 'plan/range-without-upper',
            data: { kpi: kpi.id },
            location: locate(kpiPath),
          }),
        )
      } else if (comparator === 'range' && upper !== undefined && upper < value) {
        diagnostics.push(
          report({
            ruleId: 'plan/range-reversed',
            data: { kpi: kpi.id, value, upper },
            location: locate([...kpiPath, 'upper']),
          }),
        )
      } else if (comparator !== 'range' && upper !== undefined) {
        diagnostics.push(
          report({
            ruleId: 'plan/upper-without-range',
            severity: 'warning',
            data: { kpi: kpi.id },
            location: locate([...kpiPath, 'upper']),
          }),
        )
      }
    })
    item.milestones.forEach((milestone, m) => {
      const path = [...itemPath, 'milestones', m]
      if (!isWithinPeriod(milestone.due, plan.period)) {
        diagnostics.push(
          report({
            ruleId: 'plan/milestone-outside-period',
            data: { milestone: milestone.id, due: milestone.due, ...plan.period },
            location: locate([...path, 'due']),
          }),
        )
      }
      if (milestone.ownerUnit !== undefined && !units.has(milestone.ownerUnit)) {
        diagnostics.push(
          report({
            ruleId: 'plan/unknown-owner-unit',
            data: { milestone: milestone.id, id: milestone.ownerUnit },
            location: locate([...path, 'ownerUnit']),
            suggestions: suggestUnit(milestone.ownerUnit, plan, false),
          }),
        )
      }
    })
  })

  plan.categories.forEach((category, c) => {
    const actual = counted.get(category.id) ?? 0
    if (category.count !== undefined && category.count !== actual) {
      diagnostics.push(
        report({
          ruleId: 'plan/category-count',
          severity: 'warning',
          data: { category: category.label, declared: category.count, actual },
          location: locate(['categories', c, 'count']),
        }),
      )
    }
  })
  return diagnostics
}

/**
 * Each category's ancestors through `parent`, nearest first. An unknown parent or a loop is
 * reported (once per category) and cut there.
 */
function categoryAncestors(
  plan: Plan,
  locate: Locate,
  report: ReturnType<typeof diagnosticFactory>,
  diagnostics: Diagnostic[],
): Map<string, string[]> {
  const parents = new Map(plan.categories.map((c) => [c.id, c.parent]))
  const result = new Map<string, string[]>()
  plan.categories.forEach((category, c) => {
    const chain: string[] = []
    let parent = category.parent
    while (parent !== undefined) {
      if (!parents.has(parent)) {
        if (parent === category.parent)
          diagnostics.push(
            report({
              ruleId: 'plan/unknown-parent',
              data: { category: category.id, id: parent },
              location: locate(['categories', c, 'parent']),
              suggestions: suggestFrom(parent, [...parents.keys()]),
            }),
          )
        break
      }
      if (parent === category.id || chain.includes(parent)) {
        if (parent === category.id)
          diagnostics.push(
            report({
              ruleId: 'plan/category-cycle',
              data: { category: category.id },
              location: locate(['categories', c, 'parent']),
            }),
          )
        break
      }
      chain.push(parent)
      parent = parents.get(parent)
    }
    result.set(category.id, chain)
  })
  return result
}

function suggestFrom(input: string, candidates: string[]): Suggestion[] {
  const match = closest(input, candidates)
  return match ? [{ message: match, replacement: match }] : []
}

/**
 * Suggest a unit (or group) id for an unknown reference: exact name, short name or alias
 * first (people write 发改局 where the id is fgj), then the closest id.
 */
function suggestUnit(input: string, plan: Plan, includeGroups: boolean): Suggestion[] {
  const named = [...plan.units, ...(includeGroups ? plan.unitGroups : [])]
  for (const unit of named) {
    const names = [
      unit.name,
      ...('shortName' in unit && unit.shortName ? [unit.shortName] : []),
      ...unit.aliases,
    ]
    if (names.includes(input)) return [{ message: unit.name, replacement: unit.id }]
  }
  const id = closest(
    input,
    named.map((u) => u.id),
  )
  const unit = named.find((u) => u.id === id)
  return unit ? [{ message: unit.name, replacement: unit.id }] : []
}
