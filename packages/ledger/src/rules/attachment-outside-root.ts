import { defineRule, pathEscape } from '../rule-api.js'

const reasons = {
  absolute: { zh: '绝对路径', en: 'an absolute path' },
  drive: { zh: 'Windows 盘符路径', en: 'a Windows drive path' },
  parent: { zh: '含“..”的路径', en: 'a path with ".."' },
  symlink: { zh: '指向台账目录之外的符号链接', en: 'a symbolic link leaving the ledger folder' },
}

export const attachmentOutsideRoot = defineRule({
  id: 'attachment/outside-root',
  meta: {
    type: 'problem',
    docs: {
      zh: '附件路径必须是台账目录内的相对路径:绝对路径、盘符、“..”和指向目录外的符号链接都不读取。',
      en: 'Attachment paths are relative paths inside the ledger folder: absolute paths, drive letters, ".." and symbolic links leaving the folder are never read.',
      rationale: '台账一式两份,须能完整复制;安全',
    },
    messages: {
      outside: {
        zh: '条目“{{entry}}”的附件“{{path}}”是{{reason}},位于台账目录之外,不予读取',
        en: 'Entry "{{entry}}": attachment "{{path}}" is {{reason}} outside the ledger folder and is not read',
      },
    },
    recommended: 'error',
  },
  check({ attachments, index, report }) {
    return {
      // Without file-system facts only the text of a path can leave the root.
      having: attachments ? 'attachments' : 'escapingPath',
      entry(entry, i) {
        // Which entries have a path leaving the root by its text, the index knows.
        const escaping = index.has(i, 'escapingPath')
        for (let a = 0; a < entry.attachments.length; a++) {
          const attachment = entry.attachments[a] as (typeof entry.attachments)[number]
          const reason =
            (escaping ? pathEscape(attachment.path) : undefined) ??
            attachments?.get(attachment.path)?.outsideRoot
          if (!reason) continue
          report({
            messageId: 'outside',
            data: { entry: entry.id, path: attachment.path, reason: reasons[reason] },
            entry,
            field: `attachments/${a}`,
          })
        }
      },
    }
  },
})
