import { completeIntervals, defineRule, itemName } from '../rule-api.js'

export const supervisionCadence = defineRule({
  id: 'supervision/cadence',
  meta: {
    type: 'problem',
    docs: {
      zh: '事项的实施方案批准后,每个督办周期(由 requirements.supervision 或方案的 profile 决定:wuhan-etdz-2017 每季度,major-decision-2019 每半年,generic 不要求)至少有一份督办情况记录,直到检查日或方案期末(以较早者为准);批准时所在周期剩余不足一半的不计。',
      en: "From the approval of an item's plan to the day of the check or the end of the plan period, whichever is earlier, every supervision interval (requirements.supervision or the profile's: a quarter in wuhan-etdz-2017, half a year in major-decision-2019, none in generic) has at least one supervision record; the interval of the approval counts only if at least half of it remains.",
      rationale: '保障措施(三):加强对工作落实情况的督办检查;保障措施(四):督办情况',
    },
    messages: {
      gap: {
        zh: '事项{{item}}在 {{period}}({{start}} 至 {{end}})没有督办记录',
        en: 'Item {{item}} has no supervision record in {{period}} ({{start}} to {{end}})',
      },
    },
    recommended: 'warning',
  },
  check({ plan, index, asOf, requirements, report }) {
    const cadence = requirements.supervision
    if (cadence === 'none') return
    // Supervision is owed while the plan runs: up to asOf, or the end of its period.
    const until = [asOf, plan.period.end].sort()[0] as string
    // Items approved on the same day share their intervals: compute each once.
    const intervals = new Map<string, ReturnType<typeof completeIntervals>>()
    const spansFrom = (approved: string) => {
      const known = intervals.get(approved)
      if (known) return known
      const spans = completeIntervals(approved, until, cadence)
      intervals.set(approved, spans)
      return spans
    }
    for (const item of plan.items) {
      // Supervision starts when the item's plan is approved: its first formal plan or meeting decision.
      const starts = [
        index.firstOf(item.id, 'formalPlan')?.date,
        index.firstOf(item.id, 'meetingDecision')?.date,
      ].filter((date): date is string => date !== undefined)
      if (starts.length === 0) continue
      const approved = starts.sort()[0] as string
      const records = index.entriesOf(item.id, 'supervision').map((entry) => entry.date)
      let next = 0
      for (const span of spansFrom(approved)) {
        while (next < records.length && (records[next] as string) < span.start) next++
        if (next < records.length && (records[next] as string) <= span.end) continue
        report({
          messageId: 'gap',
          data: { item: itemName(item), period: span.label, start: span.start, end: span.end },
          item,
        })
      }
    }
  },
})
