/** A certificate or key the browser cannot use; the message is shown to the user as is. */
export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}
