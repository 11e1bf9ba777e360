/** Final answer of the detector. */
export type VerdictKind = 'scam' | 'suspicious' | 'clean';

/** Names of the explainable signals the detector can raise. */
export type SignalName =
  | 'brand'
  | 'threat'
  | 'alarm'
  | 'urgency'
  | 'phone'
  | 'known-scam-number'
  | 'error-code'
  | 'fullscreen'
  | 'bland-title'
  | 'popup-burst'
  | 'refused-close'
  | 'title-churn'
  | 'address'
  | 'page-text'
  | 'benign-context'
  | 'not-a-browser'
  | 'allow-listed';

/** Where the detector saw a signal: the window title, the page text, or the window itself. */
export type ReasonSource = 'title' | 'text' | 'window' | 'address';

/** One reason behind a verdict, in words a person can check. */
export interface Reason {
  readonly signal: SignalName;
  readonly detail: string;
  /** Contribution to the score (negative for guards). */
  readonly weight?: number;
  readonly source?: ReasonSource;
}

/** A phone number found on the page, as shown and normalised. */
export interface PhoneMention {
  /** Text as it appeared (bounded, normalised). */
  readonly raw: string;
  /** E.164 form when it could be normalised, e.g. `+81362717243`. */
  readonly e164?: string;
  /** Country/region code when known, e.g. `JP`, `US`. */
  readonly region?: string;
  /** Known in the scam-number table. */
  readonly known?: boolean;
  /** In a toll-free range (what fake support pages advertise). */
  readonly tollFree?: boolean;
}

/** Output of the detector for one observation. */
export interface Verdict {
  readonly verdict: VerdictKind;
  /** 0..1 */
  readonly score: number;
  readonly reasons: readonly Reason[];
  /** Impersonated brand, e.g. `Microsoft`. */
  readonly brand?: string;
  readonly phones: readonly PhoneMention[];
}
