import type {
  Diagnostic,
  Locale,
  MessageCatalogue,
  MessageData,
  RelatedLocation,
  Severity,
  SourceLocation,
  Suggestion,
} from './diagnostic.js'
import { formatMessage } from './diagnostic.js'

export interface DiagnosticInit {
  ruleId: string
  /** Defaults to the ruleId. */
  messageId?: string
  severity?: Severity
  data?: MessageData
  location: SourceLocation
  related?: RelatedLocation[]
  suggestions?: Suggestion[]
  docsUrl?: string
}

/**
 * A factory bound to a catalogue and a locale: `report({ ruleId, data, location })`
 * builds a Diagnostic with its message rendered. Severity defaults to `error`.
 */
export function diagnosticFactory(catalogue: MessageCatalogue, locale: Locale = 'zh-CN') {
  return (init: DiagnosticInit): Diagnostic => {
    const messageId = init.messageId ?? init.ruleId
    const data = init.data ?? {}
    const diagnostic: Diagnostic = {
      ruleId: init.ruleId,
      severity: init.severity ?? 'error',
      message: formatMessage(catalogue, messageId, data, locale),
      messageId,
      data,
      location: init.location,
    }
    if (init.related?.length) diagnostic.related = init.related
    if (init.suggestions?.length) diagnostic.suggestions = init.suggestions
    if (init.docsUrl) diagnostic.docsUrl = init.docsUrl
    return diagnostic
  }
}
