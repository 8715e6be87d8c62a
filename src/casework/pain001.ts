/**
 * The payment file for the municipality's finance system or bank (issue 22): ISO 20022
 * CustomerCreditTransferInitiation, pain.001.001.09, in UTF-8, written here against the published
 * schema's structure (docs/payments.md says why no library writes it: the npm libraries for pain.001
 * write SEPA euro transfers to an IBAN, not Swedish krona payments to a bankgiro, plusgiro or a
 * clearing and account number, and none validates against the schema).
 *
 * One PmtInf per payment day (ReqdExctnDt), one CdtTrfTxInf per order: EndToEndId is the order's id,
 * so each payment leads back to its registered decision. GrpHdr and each PmtInf carry NbOfTxs and
 * CtrlSum, the control total: the sum of the amounts, computed in öre. Accounts follow the Swedish
 * banks' usage: a bankgiro number with scheme BGNR, a plusgiro number with PGNR, a bank account as its
 * account number (BBAN) with the clearing number as the creditor agent's member id in the Swedish
 * clearing system (SESBA); bankgiro and plusgiro payments name Bankgirot (9900) and Plusgirot (9960).
 * The category purpose is SSBE (social security benefit). schemas/pain.001.001.09-bistand.xsd is the
 * restriction of the ISO schema to what this writer uses; the tests validate every file against it.
 */
import { formatKronor, parseKronor, sum, type Ore } from '../money/index.ts';
import type { AccountScheme } from './types.ts';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

/** Who pays: the municipality (from the server's payment configuration, docs/payments.md). */
export interface Payer {
  readonly name: string;
  /** Organisationsnummer, ten digits. */
  readonly organisationNumber: string;
  readonly account: { readonly scheme: AccountScheme; readonly number: string };
  /** The payer's bank's BIC, when the bank asks for it; else the clearing system member id is used. */
  readonly bic: string | null;
}

export interface FileOrder {
  readonly orderId: string;
  readonly name: string;
  readonly scheme: string;
  readonly account: string;
  /** Kronor, as the contract writes them ("4500", "4500.50"). */
  readonly amount: string;
  readonly payOn: string;
  readonly reference: string;
}

/** XML text: the five characters XML gives a meaning escaped, and control characters dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An amount with exactly two decimals, as pain.001 amounts are written ("4500.00"). */
export function amount2(ore: Ore): string {
  const text = formatKronor(ore);
  return text.includes('.') ? text : `${text}.00`;
}

/** The clearing number of a bank account (Swedbank's 8xxx-x has five digits) and the account number after it. */
function splitBankAccount(digits: string): { clearing: string; account: string } {
  const length = digits.startsWith('8') ? 5 : 4;
  return { clearing: digits.slice(0, length), account: digits.slice(length) };
}

function agent(scheme: string, number: string): string {
  const member = scheme === 'bankgiro' ? '9900' : scheme === 'plusgiro' ? '9960' : splitBankAccount(number).clearing;
  return `<FinInstnId><ClrSysMmbId><ClrSysId><Cd>SESBA</Cd></ClrSysId><MmbId>${member}</MmbId></ClrSysMmbId></FinInstnId>`;
}

function account(scheme: string, number: string): string {
  if (scheme === 'bankgiro') return `<Id><Othr><Id>${number}</Id><SchmeNm><Prtry>BGNR</Prtry></SchmeNm></Othr></Id>`;
  if (scheme === 'plusgiro') return `<Id><Othr><Id>${number}</Id><SchmeNm><Prtry>PGNR</Prtry></SchmeNm></Othr></Id>`;
  return `<Id><Othr><Id>${splitBankAccount(number).account}</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id>`;
}

/** The control total of orders: the sum of their amounts, in kronor with two decimals. */
export function controlTotal(orders: readonly { readonly amount: string }[]): string {
  return amount2(sum(orders.map((o) => parseKronor(o.amount)!)));
}

/**
 * The pain.001.001.09 document for the orders (at least one), created at `createdAt` (ISO 8601 UTC)
 * under the message id `messageId` (at most 35 characters).
 */
export function pain001(messageId: string, createdAt: string, payer: Payer, orders: readonly FileOrder[]): string {
  if (orders.length === 0) throw new RangeError('[pain001] a payment file needs at least one order');
  const byDay = new Map<string, FileOrder[]>();
  for (const o of [...orders].sort((a, b) => (a.payOn < b.payOn ? -1 : a.payOn > b.payOn ? 1 : a.orderId < b.orderId ? -1 : 1))) {
    const list = byDay.get(o.payOn) ?? [];
    list.push(o);
    byDay.set(o.payOn, list);
  }
  const lines: string[] = [];
  const w = (depth: number, text: string) => lines.push(`${'  '.repeat(depth)}${text}`);
  w(0, '<?xml version="1.0" encoding="UTF-8"?>');
  w(0, `<Document xmlns="${PAIN001_NAMESPACE}">`);
  w(1, '<CstmrCdtTrfInitn>');
  w(2, '<GrpHdr>');
  w(3, `<MsgId>${xmlText(messageId)}</MsgId>`);
  w(3, `<CreDtTm>${createdAt.replace(/\.[0-9]+Z$/, 'Z')}</CreDtTm>`);
  w(3, `<NbOfTxs>${orders.length}</NbOfTxs>`);
  w(3, `<CtrlSum>${controlTotal(orders)}</CtrlSum>`);
  w(3, `<InitgPty><Nm>${xmlText(payer.name)}</Nm><Id><OrgId><Othr><Id>${xmlText(payer.organisationNumber)}</Id></Othr></OrgId></Id></InitgPty>`);
  w(2, '</GrpHdr>');
  let k = 0;
  for (const [day, list] of byDay) {
    k += 1;
    w(2, '<PmtInf>');
    w(3, `<PmtInfId>${xmlText(`${messageId}-${k}`)}</PmtInfId>`);
    w(3, '<PmtMtd>TRF</PmtMtd>');
    w(3, '<BtchBookg>false</BtchBookg>');
    w(3, `<NbOfTxs>${list.length}</NbOfTxs>`);
    w(3, `<CtrlSum>${controlTotal(list)}</CtrlSum>`);
    w(3, '<PmtTpInf><SvcLvl><Cd>NURG</Cd></SvcLvl><CtgyPurp><Cd>SSBE</Cd></CtgyPurp></PmtTpInf>');
    w(3, `<ReqdExctnDt><Dt>${day}</Dt></ReqdExctnDt>`);
    w(3, `<Dbtr><Nm>${xmlText(payer.name)}</Nm></Dbtr>`);
    w(3, `<DbtrAcct>${account(payer.account.scheme, payer.account.number)}<Ccy>SEK</Ccy></DbtrAcct>`);
    w(3, `<DbtrAgt>${payer.bic ? `<FinInstnId><BICFI>${xmlText(payer.bic)}</BICFI></FinInstnId>` : agent(payer.account.scheme, payer.account.number)}</DbtrAgt>`);
    for (const o of list) {
      w(3, '<CdtTrfTxInf>');
      w(4, `<PmtId><InstrId>${xmlText(o.orderId)}</InstrId><EndToEndId>${xmlText(o.orderId)}</EndToEndId></PmtId>`);
      w(4, `<Amt><InstdAmt Ccy="SEK">${amount2(parseKronor(o.amount)!)}</InstdAmt></Amt>`);
      w(4, `<CdtrAgt>${agent(o.scheme, o.account)}</CdtrAgt>`);
      w(4, `<Cdtr><Nm>${xmlText(o.name)}</Nm></Cdtr>`);
      w(4, `<CdtrAcct>${account(o.scheme, o.account)}</CdtrAcct>`);
      w(4, `<RmtInf><Ustrd>${xmlText(o.reference)}</Ustrd></RmtInf>`);
      w(3, '</CdtTrfTxInf>');
    }
    w(2, '</PmtInf>');
  }
  w(1, '</CstmrCdtTrfInitn>');
  w(0, '</Document>');
  return `${lines.join('\n')}\n`;
}

/** Reads the server's payment configuration (docs/payments.md); a list of problems when it is wrong. */
export function readPayer(raw: unknown): { ok: true; payer: Payer } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const name = typeof o['name'] === 'string' && o['name'].trim() !== '' && o['name'].length <= 140 ? o['name'].trim() : null;
  if (name === null) problems.push('name: the paying municipality or nämnd, 1–140 characters');
  const org = typeof o['organisationNumber'] === 'string' ? o['organisationNumber'].replace(/-/g, '') : '';
  if (!/^[0-9]{10}$/.test(org)) problems.push('organisationNumber: ten digits (e.g. "212000-2411")');
  const acc = o['account'] !== null && typeof o['account'] === 'object' ? (o['account'] as Record<string, unknown>) : {};
  const scheme = acc['scheme'];
  const number = typeof acc['number'] === 'string' ? acc['number'].replace(/[\s.,-]/g, '') : '';
  if (scheme !== 'bankgiro' && scheme !== 'plusgiro' && scheme !== 'bank') problems.push('account.scheme: bankgiro, plusgiro or bank');
  if (!/^[0-9]{2,16}$/.test(number)) problems.push('account.number: the payer account’s digits');
  const bic = o['bic'] === undefined || o['bic'] === null ? null : typeof o['bic'] === 'string' && /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(o['bic']) ? o['bic'] : undefined;
  if (bic === undefined) problems.push('bic: a BIC of 8 or 11 characters, or leave it out');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, payer: { name: name!, organisationNumber: org, account: { scheme: scheme as AccountScheme, number }, bic: bic ?? null } };
}
