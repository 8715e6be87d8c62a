/**
 * Egna tillgångar (4 kap. 1 § SoL (2001:453) / 12 kap. 1 § SoL (2025:400): needs that can be met in another way). Money the
 * household has (bank, cash, shares, funds) above the municipality's buffer must be used before aid;
 * it reduces the payment, and when it covers the whole shortfall the proposal is avslag. Other assets
 * (car, property) are never valued by the engine: they go to a person's assessment.
 */
import { legal, needInformation, type Context } from '../context.ts';
import type { Message, MessageKey } from '../trace/messages.ts';
import { floorAtZero, formatKronor, parseKronor, subtract, sum, type Ore } from '../money/index.ts';
import type { MemberAssessment } from '../norm/index.ts';
import { traceParam } from '../trace/index.ts';

export type AssetCode = 'LIQUID' | 'NON_LIQUID' | 'OWN_CASE_ASSET' | 'AMOUNT_MISSING';

export interface AssetItem {
  readonly index: number;
  readonly memberId: string | null;
  readonly type: string;
  readonly amount: Ore | null;
  readonly liquid: boolean;
  readonly code: AssetCode;
  readonly message: Message;
}

export interface AssetsResult {
  readonly items: readonly AssetItem[];
  readonly liquidTotal: Ore;
  readonly buffer: Ore;
  /** Liquid assets above the buffer: what the household is expected to use first. */
  readonly available: Ore;
  readonly nonLiquidCount: number;
  readonly incomplete: boolean;
}

export function computeAssets(ctx: Context, assessments: ReadonlyMap<string, MemberAssessment>): AssetsResult {
  const { household, rules, trace } = ctx;
  const ref = legal(ctx, 'ownMeans').ref;
  const items: AssetItem[] = [];
  let incomplete = false;
  for (const asset of household.assets) {
    const def = rules.assetTypes[asset.type]!;
    /** Records this asset's line and its trace step, so the line and the step always say the same. */
    const pushAsset = (code: AssetCode, key: MessageKey, args: Record<string, string | number>): void => {
      args['label'] = def.labelSv;
      args['ref'] = ref;
      // The step only when the trace is kept; the message (key and arguments) always.
      if (trace.enabled) trace.add({
        step: 'assets.item',
        rule: `asset-types#${asset.type}`,
        legalRef: ref,
        inputs: { index: asset.index, memberId: asset.memberId, type: asset.type, amount: asset.amount === null ? null : formatKronor(asset.amount), liquid: def.liquid },
        result: code,
        key,
        args,
      });
      items.push({ index: asset.index, memberId: asset.memberId, type: asset.type, amount: asset.amount, liquid: def.liquid, code, message: { key, args } });
    };
    const owner = asset.memberId !== null ? assessments.get(asset.memberId) : undefined;
    if (owner !== undefined && owner.kind === 'own-case') {
      pushAsset('OWN_CASE_ASSET', 'assets.ownCase', { memberId: owner.member.id });
    } else if (!def.liquid) {
      pushAsset('NON_LIQUID', 'assets.nonLiquid', { amount: asset.amount === null ? '' : formatKronor(asset.amount) });
    } else if (asset.amount === null) {
      incomplete = true;
      needInformation(ctx, { code: 'ASSET_AMOUNT_MISSING', field: `assets[${asset.index}].amount`, blocking: true, legalRef: ref, key: 'needs.assetAmount', args: { label: def.labelSv } });
      pushAsset('AMOUNT_MISSING', 'assets.amountMissing', {});
    } else {
      pushAsset('LIQUID', 'assets.liquid', { amount: formatKronor(asset.amount) });
    }
  }
  const liquidTotal = sum(items.filter((i) => i.code === 'LIQUID').map((i) => i.amount!));
  const buffer = parseKronor(rules.municipal.assetBuffer.value)!;
  const available = floorAtZero(subtract(liquidTotal, buffer));
  if (household.assets.length > 0) {
    if (trace.enabled) trace.add({
      step: 'assets.available',
      rule: rules.municipal.assetBuffer.id,
      legalRef: ref,
      params: [traceParam(rules.municipal.assetBuffer)],
      inputs: { liquidTotal: formatKronor(liquidTotal) },
      result: formatKronor(available),
      key: 'assets.available',
      args: { liquid: formatKronor(liquidTotal), buffer: formatKronor(buffer), available: formatKronor(available) },
    });
  }
  return { items, liquidTotal, buffer, available, nonLiquidCount: items.filter((i) => i.code === 'NON_LIQUID').length, incomplete };
}
