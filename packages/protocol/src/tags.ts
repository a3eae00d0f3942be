/**
 * Vocabulary of the tag registry (protocol.md §2). The data itself lives in
 * `registry/tags.generated.ts`, generated from shared/data/ffd-tags.json.
 */

/** FFD versions. '1.0' marks the deprecated tags of the 1.0 era still met in the wild. */
export type FfdVersion = '1.0' | '1.05' | '1.1' | '1.2';

/** FFD version codes of tags 1209/1189/1190 (protocol.md §7: codes 1/2/3/4). */
const FFD_BY_CODE: readonly (FfdVersion | undefined)[] = [undefined, '1.0', '1.05', '1.1', '1.2'];

/** Version from the code in 1209 (fiscalDocumentFormatVer), 1189 or 1190; undefined if unknown. */
export function ffdVersionFromCode(code: number): FfdVersion | undefined {
  return FFD_BY_CODE[code];
}

/**
 * Value kinds (protocol.md §2.2). `fpd` is tag 1077: 6 raw bytes whose JSON
 * form is the printed number (§3.6), a kind of its own so no code tests the tag number.
 */
export type TagKind =
  | 'byte'
  | 'u16'
  | 'u32'
  | 'vln'
  | 'fvln'
  | 'unixtime'
  | 'string'
  | 'bytes'
  | 'fpd'
  | 'stlv';

/** How decoded text is normalised before it reaches JSON (protocol.md §2.2). */
export type TextNormalisation = 'none' | 'trim' | 'inn';

export interface TagDef {
  readonly tag: number;
  /** FNS JSON name used when no parent-specific name applies; `tag<number>` where the sources give none. */
  readonly json: string;
  readonly nameRu: string;
  readonly kind: TagKind;
  /** Maximum value length in bytes (for integers: the most bytes a decoder accepts). */
  readonly maxLength: number;
  /** The value always has this many bytes (the encoder pads strings to it when `padding` says so). */
  readonly fixedLength: number | null;
  readonly padding: 'none' | 'spaces-right';
  readonly normalize: TextNormalisation;
  /** May occur several times in one STLV: always a JSON array. */
  readonly repeatable: boolean;
  readonly deprecated: boolean;
  readonly ffd: readonly FfdVersion[];
  /** JSON name used inside a given enclosing tag or form code, where it differs from `json`. */
  readonly parents: Readonly<Record<number, string>>;
  /** Names other sources use (yandex/ofd), accepted by the encoder; the decoder never emits them. */
  readonly aliases: readonly string[];
}

export interface DocumentDef {
  readonly code: number;
  /** FNS JSON name of the document (`{"receipt": {...}}`). */
  readonly json: string;
  readonly nameRu: string;
  /** Maximum length of the document STLV value. */
  readonly maxLength: number;
}
