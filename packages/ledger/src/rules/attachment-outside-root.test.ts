import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { attachmentOutsideRoot } from './attachment-outside-root.js'

const attached = (...paths: string[]) => entry({ attachments: paths.map((path) => ({ path })) })

testRule(attachmentOutsideRoot, {
  valid: [
    {
      name: 'relative paths inside',
      entries: [attached('files/a.pdf', './files/b..c.pdf', '调研/报告.docx')],
    },
  ],
  invalid: [
    {
      name: 'every way out',
      entries: [
        attached(
          '../../etc/passwd',
          '/etc/passwd',
          'C:\\Users\\a.pdf',
          'files\\..\\..\\x',
          'files/link.pdf',
        ),
      ],
      attachments: new Map([
        [
          'files/link.pdf',
          { path: 'files/link.pdf', exists: true, outsideRoot: 'symlink' as const },
        ],
      ]),
      errors: [
        {
          messageId: 'outside',
          data: {
            path: '../../etc/passwd',
            reason: { zh: '含“..”的路径', en: 'a path with ".."' },
          },
        },
        { messageId: 'outside', data: { reason: { zh: '绝对路径', en: 'an absolute path' } } },
        {
          messageId: 'outside',
          data: { reason: { zh: 'Windows 盘符路径', en: 'a Windows drive path' } },
        },
        { messageId: 'outside', data: { path: 'files\\..\\..\\x' } },
        { messageId: 'outside', data: { path: 'files/link.pdf' } },
      ],
    },
  ],
})
