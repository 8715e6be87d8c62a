/**
 * Who may do what (issue 22). The engine has no login of its own: a municipality's login proxy
 * authenticates the person and sets trusted headers (the user, the user's roles, and for a decision
 * maker the point of the delegation order they decide under), exactly as for Kontaktcenter
 * (docs/invanare.md); `serve --trust-proxy-auth` trusts them. Each action names the roles that may do
 * it; anything else is 403.
 *
 *   role (header value, configurable)     may
 *   handlaggare       caseworker          read the queue and cases, record a proposal, stop a payment,
 *                                         record a begäran om komplettering and an appeal's steps
 *   beslutsfattare    decision maker      the same, register and change decisions (with a delegation), export payments
 *   granskare         auditor             read the queue, cases, payments and the case log; change nothing
 *   kontaktcenter     Kontaktcenter       the case-status lookup only (kontaktcenter/routes.ts)
 *   statistik         the unit's follow-up  the unit's statistics page (no personal data) and the EKB-Månad file
 *                                         with personnummer for Socialstyrelsen (statistics/routes.ts); no case
 *   skyddade-personuppgifter              besides another role: see the names, personnummer and addresses of
 *                                         people with skyddade personuppgifter (masked for everyone else)
 */

export type StaffRole = 'caseworker' | 'decisionMaker' | 'auditor' | 'kontaktcenter' | 'protectedIdentity' | 'statistics';

/** The role names the login proxy sends, per role. */
export type RoleNames = Readonly<Record<StaffRole, string>>;

export const DEFAULT_ROLE_NAMES: RoleNames = {
  caseworker: 'handlaggare',
  decisionMaker: 'beslutsfattare',
  auditor: 'granskare',
  kontaktcenter: 'kontaktcenter',
  protectedIdentity: 'skyddade-personuppgifter',
  statistics: 'statistik',
};

export interface TrustedHeaderAuth {
  /** Header naming the signed-in user, set by the proxy (e.g. X-Remote-User). */
  readonly userHeader: string;
  /** Header listing the user's roles or groups, separated by commas or spaces (e.g. X-Remote-Groups). */
  readonly rolesHeader: string;
  /** The role that may look cases up at Kontaktcenter (e.g. kontaktcenter). */
  readonly role: string;
  /** Header with the decision maker's point of the delegation order (e.g. X-Remote-Delegation); default X-Remote-Delegation. */
  readonly delegationHeader?: string;
  /** The names of the case work's roles; default DEFAULT_ROLE_NAMES (Kontaktcenter's is `role`). */
  readonly roles?: Partial<RoleNames>;
}

export const DEFAULT_DELEGATION_HEADER = 'X-Remote-Delegation';

export interface Staff {
  readonly user: string;
  readonly roles: ReadonlySet<StaffRole>;
  /** The point of the delegation order, when the proxy gave one. */
  readonly delegation: string | null;
  readonly names: RoleNames;
}

export function roleNamesOf(auth: TrustedHeaderAuth): RoleNames {
  return { ...DEFAULT_ROLE_NAMES, ...auth.roles, kontaktcenter: auth.role };
}

/** The signed-in person and their roles, or why there is none. */
export function identify(headers: Headers, auth: TrustedHeaderAuth | null): { ok: true; staff: Staff } | { ok: false; reason: string } {
  if (auth === null) return { ok: false, reason: 'this server has no trusted login in front of it (start serve with --trust-proxy-auth behind a login proxy)' };
  const user = (headers.get(auth.userHeader) ?? '').trim();
  if (user === '' || user.length > 200) return { ok: false, reason: `no signed-in user (${auth.userHeader})` };
  const given = new Set((headers.get(auth.rolesHeader) ?? '').split(/[\s,;]+/).filter((r) => r !== ''));
  const names = roleNamesOf(auth);
  const roles = new Set((Object.keys(names) as StaffRole[]).filter((r) => given.has(names[r])));
  const delegation = (headers.get(auth.delegationHeader ?? DEFAULT_DELEGATION_HEADER) ?? '').trim();
  return { ok: true, staff: { user, roles, delegation: delegation === '' || delegation.length > 200 ? null : delegation, names } };
}

export type Action = 'queue.read' | 'case.read' | 'proposal.record' | 'decision.register' | 'decision.change' | 'payment.read' | 'payment.stop' | 'payment.export' | 'log.read' | 'completion.record' | 'appeal.record' | 'statistics.read' | 'statistics.export';

/** The roles that may do each action, in the order the log names the role used. */
export const ALLOWED: Readonly<Record<Action, readonly StaffRole[]>> = {
  'queue.read': ['decisionMaker', 'caseworker', 'auditor'],
  'case.read': ['decisionMaker', 'caseworker', 'auditor'],
  'proposal.record': ['decisionMaker', 'caseworker'],
  'decision.register': ['decisionMaker'],
  'decision.change': ['decisionMaker'],
  'payment.read': ['decisionMaker', 'caseworker', 'auditor'],
  'payment.stop': ['decisionMaker', 'caseworker'],
  'payment.export': ['decisionMaker'],
  'log.read': ['auditor'],
  'completion.record': ['decisionMaker', 'caseworker'],
  'appeal.record': ['decisionMaker', 'caseworker'],
  // The unit's figures (issue 25): the follow-up role, the decision makers who lead the unit, the auditors.
  'statistics.read': ['statistics', 'decisionMaker', 'auditor'],
  // The EKB-Månad file holds every adult's personnummer: only the role that delivers it to Socialstyrelsen.
  'statistics.export': ['statistics'],
};

/** Whether the person may do the action, and the role they do it in (for the log), or why not (403). */
export function authorize(staff: Staff, action: Action): { ok: true; role: string } | { ok: false; reason: string } {
  const role = ALLOWED[action].find((r) => staff.roles.has(r));
  if (role === undefined) return { ok: false, reason: `${action} needs the role ${ALLOWED[action].map((r) => `"${staff.names[r]}"`).join(' or ')}` };
  if ((action === 'decision.register' || action === 'decision.change') && staff.delegation === null) {
    return { ok: false, reason: 'a decision maker needs a delegation: the login proxy gives none for this user' };
  }
  return { ok: true, role: staff.names[role] };
}
