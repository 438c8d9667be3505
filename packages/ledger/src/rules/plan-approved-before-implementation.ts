import { compareText } from '@reformkit/model'
import * as z from 'zod'
import { type EntryKind, entryKindSchema } from '../entry/schema.js'
import { defineRule, firstUse, itemName } from '../rule-api.js'

/** The options when the config gives none (the schema's defaults). */
const DEFAULTS = { implementationKinds: ['progress'] as EntryKind[] }
const options = firstUse(() =>
  z.strictObject({
    approvingBody: z.string().optional().meta({
      description:
        '审议方案的机构,默认为方案的领导小组(区创改组)/ Approving body; default the leading group',
    }),
    implementationKinds: z
      .array(entryKindSchema())
      .default(DEFAULTS.implementationKinds)
      .meta({ description: '视为开始实施的材料种类 / Kinds that count as implementation' }),
  }),
)

export const planApprovedBeforeImplementation = defineRule({
  id: 'plan/approved-before-implementation',
  meta: {
    type: 'problem',
    docs: {
      zh: '每个事项的实施方案报区创改组会议研究批准后才能实施:第一份推进材料之前,须有正式方案和区创改组的上会研究记录。只在要求(profile)规定了上会研究或正式方案的事项上检查:generic 下不检查。',
      en: "Each item's implementation plan is approved at a leading-group meeting before work counts: before the first progress material there is a formal plan and the leading group's meeting decision. Checked only where the requirements (profile) ask for a meeting decision or a formal plan: not under generic.",
      rationale: '保障措施(二):制订实施方案,报区创改组会议研究批准后实施',
    },
    messages: {
      noApproval: {
        zh: '事项{{item}}在 {{date}} 已有推进材料,但此前没有{{body}}的上会研究记录',
        en: 'Item {{item}} has progress from {{date}} but no meeting decision of {{body}} before it',
      },
      noFormalPlan: {
        zh: '事项{{item}}在 {{date}} 已有推进材料,但此前没有正式实施方案',
        en: 'Item {{item}} has progress from {{date}} but no formal plan before it',
      },
    },
    get options() {
      return options()
    },
    defaultOptions: DEFAULTS,
    recommended: 'error',
  },
  check({ plan, index, options, requirements, report }) {
    const body = options.approvingBody ?? plan.bodies.leadingGroup?.id
    const approver = [plan.bodies.leadingGroup, plan.bodies.office, plan.bodies.superior].find(
      (b) => b?.id === body,
    )
    const bodyName = approver ? (approver.shortName ?? approver.name) : (body ?? '区创改组')
    for (const item of plan.items) {
      const need = requirements.items.get(item.id)
      const needsMeeting = need?.decision.includes('meetingDecision') ?? false
      const needsFormal = need?.outcome.includes('formalPlan') ?? false
      if (!needsMeeting && !needsFormal) continue
      const started = options.implementationKinds
        .map((kind) => index.firstOf(item.id, kind))
        .filter((entry) => entry !== undefined)
        .sort((a, b) => compareText(a.date, b.date))[0]
      if (!started) continue
      const approved = index
        .entriesOf(item.id, 'meetingDecision')
        .some(
          (entry) =>
            entry.date <= started.date && (body === undefined || entry.meeting?.body === body),
        )
      const data = { item: itemName(item), date: started.date, body: bodyName }
      if (needsMeeting && !approved) report({ messageId: 'noApproval', data, entry: started })
      const formal = index.firstOf(item.id, 'formalPlan')
      if (needsFormal && (!formal || formal.date > started.date))
        report({ messageId: 'noFormalPlan', data, entry: started })
    }
  },
})
