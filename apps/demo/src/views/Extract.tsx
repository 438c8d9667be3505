// 方案草稿: paste a plan's published text or open it (.txt, .html, .docx); see the draft
// plan — items, units with their roles, targets — and every guess, then download plan.yaml.
// Everything runs in this browser; nothing is uploaded.
import { extractPlan, textFromDocx, textFromHtml } from '@reformkit/extract'
import { type Diagnostic, decodeSource, type Locale, type PlanInput } from '@reformkit/model'
import { useState } from 'react'
import { stringify } from 'yaml'
import { fill, type messages } from '../i18n.js'
import { save } from '../ui.js'

type Texts = (typeof messages)['zh-CN']

async function textOf(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (/\.docx$/i.test(file.name)) return textFromDocx(bytes)
  const text = decodeSource(bytes, { filename: file.name }).text ?? ''
  return /\.x?html?$/i.test(file.name) ? textFromHtml(text) : text
}

export default function Extract({ t, locale }: { t: Texts; locale: Locale }) {
  const [text, setText] = useState('')
  const [result, setResult] = useState<{ plan: PlanInput; diagnostics: Diagnostic[] }>()
  const [failure, setFailure] = useState<string>()

  const run = async (source: string) => {
    setFailure(undefined)
    setResult(await extractPlan(source, { filename: 'plan.txt', locale }))
  }
  const open = async (file: File | undefined) => {
    if (!file) return
    try {
      const read = await textOf(file)
      setText(read)
      await run(read)
    } catch (error) {
      setFailure(`${file.name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const download = () => {
    if (!result) return
    const yaml = `# ${t.extractDraftHeader}\n${stringify(result.plan, { lineWidth: 0 })}`
    save('plan.yaml', yaml, 'application/yaml;charset=utf-8')
  }
  const plan = result?.plan
  const name = (id: string) =>
    [...(plan?.units ?? []), ...(plan?.unitGroups ?? [])].find((u) => u.id === id)?.name ?? id

  return (
    <section className="extract">
      <h1>{t.extract}</h1>
      <p className="muted">{t.extractNote}</p>
      <label className="block">
        {t.extractText}
        <textarea rows={10} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <div className="row-controls">
        <button type="button" onClick={() => void run(text)} disabled={!text.trim()}>
          {t.extractRun}
        </button>
        <label className="button">
          {t.extractOpen}
          <input
            type="file"
            accept=".txt,.html,.htm,.docx"
            className="visually-hidden"
            onChange={(event) => void open(event.target.files?.[0])}
          />
        </label>
        {plan && (
          <button type="button" onClick={download}>
            {t.extractDownload}
          </button>
        )}
      </div>
      {failure && (
        <p className="failure" role="alert">
          {failure}
        </p>
      )}
      {plan && (
        <>
          <h2>{plan.title}</h2>
          <p>
            {plan.period.start} – {plan.period.end} · {plan.items.length} {t.extractItems} ·{' '}
            {plan.units.length} {t.extractUnits}
          </p>
          <table className="draft">
            <thead>
              <tr>
                <th scope="col">{t.no}</th>
                <th scope="col">{t.item}</th>
                <th scope="col">{t.lead}</th>
                <th scope="col">{t.extractOthers}</th>
                <th scope="col">{t.kpis}</th>
              </tr>
            </thead>
            <tbody>
              {plan.items.map((item) => (
                <tr key={item.id} data-draft-item={item.id}>
                  <td>{item.number}</td>
                  <td>{item.title}</td>
                  <td>{(item.lead ?? []).map(name).join('、')}</td>
                  <td>
                    {(item.responsible ?? [])
                      .filter((id) => !(item.lead ?? []).includes(id))
                      .map(name)
                      .join('、')}
                  </td>
                  <td>
                    {(item.kpis ?? [])
                      .map((k) => `${k.measure} ${k.target.written ?? k.target.value}`)
                      .join(';')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t.extractGuesses}</h2>
          <ul className="guesses">
            {(result?.diagnostics ?? []).map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is static
              <li key={i}>
                {fill(t.line, { line: d.location.line ?? '–' })}: {d.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
