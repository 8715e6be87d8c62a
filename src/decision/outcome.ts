/** The proposal's outcome (CONTRACT.md), plus the case where facts are missing. */
export type Outcome = 'approve' | 'partial' | 'deny' | 'needs-information';
