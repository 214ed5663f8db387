export { PrivacyTextArea, type Refusal } from './PrivacyTextArea';
export { excerpt, segments, toSpans, type Finding, type Span } from './privacy-spans';
export { checkPrivacy, PRIVACY_CHECK_DELAY_MS, usePrivacyCheck } from './use-privacy-check';
