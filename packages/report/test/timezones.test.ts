// The same input gives the same bytes on every machine: XLSX, DOCX and bundle .zip files
// written under two time zones, in child processes (TZ is read when a process starts),
// are identical.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const write = (tz: string) =>
  JSON.parse(
    execFileSync(process.execPath, [new URL('tz-consumer.mjs', import.meta.url).pathname], {
      encoding: 'utf8',
      env: { ...process.env, TZ: tz },
    }),
  )

describe('zip bytes across time zones', () => {
  it('XLSX, DOCX and the bundle .zip are identical under UTC and Asia/Shanghai', () => {
    const utc = write('UTC')
    const shanghai = write('Asia/Shanghai')
    // The zones really differ in the children.
    expect(utc.offsetMinutes).toBe(0)
    expect(shanghai.offsetMinutes).toBe(-480)
    expect(shanghai.xlsx).toBe(utc.xlsx)
    expect(shanghai.docx).toBe(utc.docx)
    expect(shanghai.bundle).toBe(utc.bundle)
  })
})
