/**
 * A payee's account, checked before a payment order is made (issue 22). Swedish payments go to a
 * bankgiro number (7–8 digits), a plusgiro number (2–8 digits) — both end in a check digit computed
 * with the modulus-10 (Luhn) method — or a bank account: the clearing number (4 digits, 5 for
 * Swedbank's 8xxx-x) followed by the account number, 11–16 digits in all. The bank account's own
 * check digit depends on the bank and its account type (Bankgirot's "Bankernas kontonummer" lists
 * them) and is not checked here: a wrong one is refused by the bank, never paid elsewhere.
 */
import type { Account, AccountScheme } from './types.ts';

/** The modulus-10 (Luhn) check over all digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const LENGTHS: Record<AccountScheme, readonly [number, number]> = { bankgiro: [7, 8], plusgiro: [2, 8], bank: [11, 16] };

/** The account's digits, or what is wrong with it (a Swedish sentence for the caseworker). */
export function checkAccount(scheme: AccountScheme, text: string): { ok: true; account: Account } | { ok: false; message: string } {
  const cleaned = text.replace(/[\s.,-]/g, '');
  if (!/^[0-9]+$/.test(cleaned)) return { ok: false, message: 'Kontonumret får bara innehålla siffror (mellanslag och bindestreck går bra).' };
  const [min, max] = LENGTHS[scheme];
  if (cleaned.length < min || cleaned.length > max) {
    const what = scheme === 'bank' ? 'clearingnummer och kontonummer' : scheme === 'bankgiro' ? 'ett bankgironummer' : 'ett plusgironummer';
    return { ok: false, message: `Ange ${what} med ${min}–${max} siffror.` };
  }
  if (scheme !== 'bank' && !luhnValid(cleaned)) return { ok: false, message: `Kontrollsiffran stämmer inte: kontrollera ${scheme === 'bankgiro' ? 'bankgironumret' : 'plusgironumret'}.` };
  return { ok: true, account: { scheme, number: cleaned } };
}

/** An account as people write it: bankgiro NNN-NNNN / NNNN-NNNN, plusgiro NNNNNNN-N, bank clearing + account. */
export function formatAccount(account: Account): string {
  const n = account.number;
  if (account.scheme === 'bankgiro') return `${n.slice(0, n.length - 4)}-${n.slice(-4)}`;
  if (account.scheme === 'plusgiro') return `${n.slice(0, -1)}-${n.slice(-1)}`;
  const clearing = n.startsWith('8') ? 5 : 4;
  return `${n.slice(0, clearing)}, ${n.slice(clearing)}`;
}
