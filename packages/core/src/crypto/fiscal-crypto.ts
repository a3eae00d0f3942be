/**
 * The operator side of the fiscal crypto (architecture.md "Fiscal crypto"):
 * checks what the fiscal drive signed and signs the operator's confirmation.
 * A certified crypto box plugs in behind this interface; the shipped ones are
 * EmulatedFiscalCrypto and NoFiscalCrypto.
 */
export interface FiscalCrypto {
  /** For logs and metrics: 'emulated', 'none', … */
  readonly name: string;
  /**
   * Checks the message's ФПС (the trailer after the document) and the
   * document's ФПД (1077). A box that answers at once returns the verdict (the
   * gateway then takes no promise per message); a remote one (an HSM) returns
   * a promise.
   */
  verifyMessage(input: VerifyMessageInput): MessageVerdict | Promise<MessageVerdict>;
  /**
   * ФПО for tag 1078 over the confirmation document TLV; undefined when this
   * crypto cannot sign. A value or a promise of it, as for `verifyMessage`.
   */
  operatorSign(input: OperatorSignInput): Uint8Array | undefined | Promise<Uint8Array | undefined>;
}

export interface VerifyMessageInput {
  fnNumber: string;
  fdNumber: number;
  /** The document TLV (form code tag and its STLV). */
  document: Uint8Array;
  /** The bytes after the document TLV in the container body (ФПС, protocol.md §1.4). */
  trailer: Uint8Array;
}

export interface OperatorSignInput {
  fnNumber: string;
  fdNumber: number;
  /**
   * The confirmation (form 7) document TLV without 1078. The gateway lends a
   * view into the reply it is writing: valid until the sign is returned (or
   * its promise settles); copy it to keep it.
   */
  confirmation: Uint8Array;
}

export type MessageVerdict =
  /** Both signs checked with the drive's key. */
  | { status: 'verified' }
  /** Not checkable here (no key for this drive); stored and marked unverified. */
  | { status: 'unverified'; reason: string }
  /** A sign is wrong: the message was altered or forged. Not stored, not confirmed. */
  | { status: 'rejected'; reason: string };
