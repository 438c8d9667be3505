import { deflateRawSync } from 'node:zlib'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { crc32, reproducibleZip, zipFiles } from './zip.js'

const date = new Date('2017-12-31T12:00:00Z')
const files = {
  'xl/workbook.xml': strToU8('<workbook>改革</workbook>'.repeat(5000)),
  '[Content_Types].xml': strToU8('<Types/>'),
  'docProps/core.xml': strToU8(
    '<cp><dcterms:created xsi:type="x">2026-11-25T10:00:00Z</dcterms:created></cp>',
  ),
  'empty.txt': new Uint8Array(0),
}
const stored = zipSync(files, { level: 0, mtime: new Date('2026-11-25T10:00:00Z') })

describe('reproducibleZip', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('computes the CRC-32 zip files use', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
    // Eight bytes a step, the rest one by one: every length agrees with the plain method.
    const plain = (data: Uint8Array) => {
      let crc = ~0
      for (const byte of data) {
        crc ^= byte
        for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
      }
      return ~crc >>> 0
    }
    for (let length = 0; length < 40; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 151 + length * 7) & 0xff)
      expect(crc32(data)).toBe(plain(data))
    }
  })

  // Node's zlib; CompressionStream (a browser's deflate); fflate (a browser without one).
  const roads = ['zlib', 'CompressionStream', 'fflate'] as const
  const zippedBy = new Map<string, Uint8Array>()
  for (const road of roads) {
    it(`re-zips to the same contents, dated, Content_Types first (${road})`, async () => {
      if (road !== 'zlib') vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined)
      if (road === 'fflate')
        vi.stubGlobal('CompressionStream', function Unsupported() {
          throw new TypeError('Unsupported compression format')
        })
      const zipped = await reproducibleZip(stored, date)
      const back = unzipSync(zipped)
      expect(Object.keys(back)).toEqual([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'docProps/core.xml',
        'empty.txt',
      ])
      expect(back['xl/workbook.xml']).toEqual(files['xl/workbook.xml'])
      expect(new TextDecoder().decode(back['docProps/core.xml'])).toContain(
        '>2017-12-31T12:00:00Z</dcterms:created>',
      )
      expect(zipped.length).toBeLessThan(stored.length)
      expect(await reproducibleZip(stored, date)).toEqual(zipped)
      zippedBy.set(road, zipped)
      // DOS time of 12:00:00 and date 2017-12-31 in the first local header.
      const view = new DataView(zipped.buffer, zipped.byteOffset)
      expect(view.getUint16(10, true)).toBe(12 << 11)
      expect(view.getUint16(12, true)).toBe(((2017 - 1980) << 9) | (12 << 5) | 31)
    })
  }

  it("Node's zlib writes the bytes a browser's CompressionStream writes (both zlib, level 6)", () => {
    expect(zippedBy.get('zlib')).toBeDefined()
    expect(zippedBy.get('zlib')).toEqual(zippedBy.get('CompressionStream'))
    expect(zippedBy.get('fflate')).not.toEqual(zippedBy.get('zlib'))
  })
})

describe('zipFiles, the one zip writer', () => {
  it('keeps the order given and marks names that are not ASCII as UTF-8', async () => {
    const zipped = await zipFiles(
      [
        ['manifest.json', strToU8('{}')],
        ['台账目录.docx', strToU8('x')],
      ],
      date,
    )
    expect(Object.keys(unzipSync(zipped))).toEqual(['manifest.json', '台账目录.docx'])
    const view = new DataView(zipped.buffer, zipped.byteOffset)
    expect(view.getUint16(6, true)).toBe(0) // ASCII name: no flag
    const second = 30 + 'manifest.json'.length + view.getUint32(18, true)
    expect(view.getUint16(second + 6, true)).toBe(0x800)
  })

  it('deflates a large part in pieces that one inflater reads, as small as deflated whole', async () => {
    // 5.5 MB of sheet rows: six pieces of 1 MiB, each but the first primed with the one before.
    const rows = Array.from(
      { length: 45_000 },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" s="3" t="s"><v>${(i * 7919) % 100_003}</v></c></row>`,
    )
    const sheet = strToU8(`<sheetData>${rows.join('')}</sheetData>`.repeat(2))
    expect(sheet.length).toBeGreaterThan(5 * 2 ** 20)
    const zipped = await zipFiles([['xl/worksheets/sheet1.xml', sheet]], date)
    const back = unzipSync(zipped)['xl/worksheets/sheet1.xml'] ?? new Uint8Array(0)
    // Compared whole (toEqual walks megabytes a byte at a time).
    expect(Buffer.compare(back, sheet)).toBe(0)
    const view = new DataView(zipped.buffer, zipped.byteOffset)
    expect(view.getUint32(14, true)).toBe(crc32(sheet))
    // Each piece primed with the 32 KiB before it costs a few bytes per join (~26 here);
    // pieces deflated without (~130 a join) would not pass.
    const joins = Math.ceil(sheet.length / 2 ** 20) - 1
    expect(view.getUint32(18, true)).toBeLessThan(deflateRawSync(sheet).length + 50 * joins)
    const again = await zipFiles([['xl/worksheets/sheet1.xml', sheet]], date)
    expect(Buffer.compare(again, zipped)).toBe(0)
  })

  it('says plainly what a zip without zip64 cannot hold', async () => {
    const many = Array.from({ length: 0x10000 }, (_, i) => [`f${i}`, new Uint8Array(0)] as const)
    await expect(zipFiles(many, date)).rejects.toThrow(/at most 65,535/)
  })
})
