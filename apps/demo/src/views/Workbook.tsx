// 表格填报: download a unit's Excel template (its entries listed, dropdowns, date cells);
// open a filled one and see its entries, what changed against the ledger, and every
// finding at its cell. Everything runs in this browser; nothing is uploaded.
import { checkLedger, entryKindLabels, type LedgerEntry, ledgerFileData } from '@reformkit/ledger'
import { cellReference, type Diagnostic, itemLabel, pick } from '@reformkit/model'
import {
  compareEntries,
  createTemplate,
  importWorkbook,
  type LedgerChanges,
} from '@reformkit/workbook'
import { type DragEvent, useState } from 'react'
import { stringify } from 'yaml'
import { fill } from '../i18n.js'
import { SeverityBadge, save, usePage } from '../ui.js'

interface Imported {
  file: string
  entries: LedgerEntry[]
  diagnostics: Diagnostic[]
  rejected: number
  changes: LedgerChanges
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Where a finding is, as the clerk finds it in Excel: 台账!D4 (or a line of a text file). */
export const cellOf = (d: Diagnostic) =>
  d.location.sheet !== undefined
    ? `${d.location.sheet}!${d.location.cell ?? ''}`
    : d.location.line !== undefined
      ? String(d.location.line)
      : ''

export default function Workbook() {
  const { t, locale, project, asOf } = usePage()
  const plan = project.plan
  const [unit, setUnit] = useState('')
  const [busy, setBusy] = useState(false)
  const [imported, setImported] = useState<Imported>()
  if (!plan) return null
  const unitName = (id: string) => plan.units.find((u) => u.id === id)?.name ?? id
  const itemName = (id: string) => {
    const item = plan.items.find((i) => i.id === id)
    return item ? itemLabel(item) : id
  }

  const download = async () => {
    setBusy(true)
    try {
      const bytes = await createTemplate({
        plan,
        config: project.ledgerConfig,
        entries: project.entries,
        ...(unit ? { unit } : {}),
      })
      save(`${unit ? unitName(unit) : t.workbookAllUnits}-${t.workbookTemplate}.xlsx`, bytes, XLSX)
    } finally {
      setBusy(false)
    }
  }
  const open = async (file: File | undefined) => {
    if (!file) return
    const read = importWorkbook(new Uint8Array(await file.arrayBuffer()), {
      plan,
      filename: file.name,
      locale,
    })
    // The ledger's own checks on the ledger as it would be with these rows in place of the
    // units' current entries; what they find in the workbook points at its cells.
    const units = new Set(read.entries.map((e) => e.unit))
    const before = project.entries.filter((e) => units.has(e.unit))
    const merged = [...project.entries.filter((e) => !units.has(e.unit)), ...read.entries]
    const checked = checkLedger({
      plan,
      entries: merged,
      asOf,
      config: project.ledgerConfig,
      locale,
    })
    setImported({
      file: file.name,
      entries: read.entries,
      rejected: read.rejected,
      diagnostics: [...read.diagnostics, ...checked.diagnostics.filter((d) => d.location.sheet)],
      changes: compareEntries(before, read.entries),
    })
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    event.stopPropagation()
    void open(event.dataTransfer.files[0])
  }
  const downloadYaml = () => {
    if (!imported) return
    const data = ledgerFileData(imported.entries)
    save(
      `${data.unit ?? 'ledger'}.yaml`,
      stringify(data, { lineWidth: 0 }),
      'application/yaml;charset=utf-8',
    )
  }

  return (
    <section className="workbook">
      <h1>{t.workbook}</h1>
      <p className="muted">{t.workbookNote}</p>
      <h2>{t.workbookTemplate}</h2>
      <div className="row-controls">
        <label>
          {t.unit}
          <select value={unit} onChange={(event) => setUnit(event.target.value)}>
            <option value="">{t.workbookAllUnits}</option>
            {plan.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => void download()}>
          {t.workbookDownload}
        </button>
      </div>
      <h2>{t.workbookImport}</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop zone; the button beside it opens the same file by keyboard */}
      <div className="dropzone" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
        <label className="button">
          {t.workbookOpen}
          <input
            type="file"
            accept=".xlsx,.xlsm,.csv,.tsv,.txt"
            className="visually-hidden"
            onChange={(event) => void open(event.target.files?.[0])}
          />
        </label>
        <span className="muted">{t.workbookDrop}</span>
      </div>
      {imported && (
        <>
          <p role="status">
            {fill(t.workbookRead, {
              file: imported.file,
              entries: imported.entries.length,
              rejected: imported.rejected,
              added: imported.changes.added.length,
              changed: imported.changes.changed.length,
              removed: imported.changes.removed.length,
            })}
          </p>
          {imported.entries.length > 0 && (
            <button type="button" onClick={downloadYaml}>
              {t.workbookYaml}
            </button>
          )}
          <h3>{t.workbookFindings}</h3>
          {imported.diagnostics.length === 0 ? (
            <p>{t.workbookNoFindings}</p>
          ) : (
            <table className="findings">
              <thead>
                <tr>
                  <th scope="col">{t.workbookCell}</th>
                  <th scope="col">{t.workbookFinding}</th>
                </tr>
              </thead>
              <tbody>
                {imported.diagnostics.map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is static
                  <tr key={i} data-cell={cellOf(d)} className={d.severity}>
                    <td>
                      <code>{cellOf(d)}</code>
                    </td>
                    <td>
                      <SeverityBadge severity={d.severity} /> {d.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t.workbookEntries}</h3>
          <table className="entries">
            <thead>
              <tr>
                <th scope="col">{t.workbookCell}</th>
                <th scope="col">ID</th>
                <th scope="col">{t.item}</th>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.workbookKind}</th>
                <th scope="col">{t.workbookDate}</th>
                <th scope="col">{t.workbookTitle}</th>
              </tr>
            </thead>
            <tbody>
              {imported.entries.map((e) => (
                <tr key={`${e.source?.sheet}-${e.source?.line}`}>
                  <td>
                    <code>
                      {e.source?.sheet}!{cellReference(e.source?.line ?? 0, 1)}
                    </code>
                  </td>
                  <td>{e.id}</td>
                  <td>{itemName(e.item)}</td>
                  <td>{unitName(e.unit)}</td>
                  <td>{pick(entryKindLabels[e.kind], locale)}</td>
                  <td>{e.date}</td>
                  <td>{e.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
