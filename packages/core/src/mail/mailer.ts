import nodemailer from 'nodemailer';

export interface Letter {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends letters; resolves once the SMTP server has accepted the message. */
export interface Mailer {
  send(letter: Letter): Promise<void>;
  close(): void;
}

export const MAIL_FROM = 'OpenOFD <no-reply@openofd.local>';

/** A nodemailer transport to `smtpUrl` (smtp://user:pass@host:port, smtps://…). */
export function createSmtpMailer(smtpUrl: string, from: string = MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(letter) {
      await transport.sendMail({
        from,
        to: letter.to,
        subject: letter.subject,
        text: letter.text,
        ...(letter.html === undefined ? {} : { html: letter.html }),
        // Base64 bodies keep the dev sink's MIME decoding to one simple case.
        textEncoding: 'base64',
      });
    },
    close() {
      transport.close();
    },
  };
}
