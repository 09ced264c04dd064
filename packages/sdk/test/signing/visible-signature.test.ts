import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../src/documents/signing/sign-pdf.js';
import { createSamplePdf, createTestPki, createTestTsa } from '../../src/testing/index.js';
import { runTool, scratchDir } from '../testing/external-tools.js';

const files = scratchDir();
afterAll(files.cleanup);

describe('visible signatures in the builder-provided boxes and PDFs with existing forms', async () => {
  const pki = await createTestPki();
  const tsa = createTestTsa({ certificate: pki.tsa.certificate, key: pki.tsa.privateKey });

  it('places each party widget in its box with an appearance, and both signatures stay valid', async () => {
    const unsigned = await createSamplePdf({ pages: 2 });
    const employer = await signPdf(unsigned, pki.employer.signer, {
      tsa,
      widget: { page: 1, rect: [60, 100, 200, 60] },
    });
    const both = await signPdf(employer, pki.employee.signer, {
      tsa,
      widget: { page: 1, rect: [320, 100, 200, 60] },
    });
    const report = runTool('pdfsig', [files.write('visible.pdf', both)]);
    expect(report.stdout.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(runTool('qpdf', ['--check', files.path('visible.pdf')]).status).toBe(0);

    const doc = await PDFDocument.load(both);
    const fields = doc.getForm().getFields();
    expect(fields.map((f) => f.getName())).toEqual(['Signature1', 'Signature2']);
    const rects = fields.map((f) => f.acroField.getWidgets()[0]!.getRectangle());
    expect(rects).toEqual([
      { x: 60, y: 100, width: 200, height: 60 },
      { x: 320, y: 100, width: 200, height: 60 },
    ]);
    expect(fields.every((f) => f.acroField.getWidgets()[0]!.getNormalAppearance())).toBeTruthy();
    const rendered = runTool('pdftoppm', [
      '-f',
      '2',
      '-l',
      '2',
      '-r',
      '20',
      '-png',
      files.path('visible.pdf'),
      files.path('page'),
    ]);
    expect(rendered.status).toBe(0);
    expect(rendered.stderr).toBe('');
  });

  it('adds the signature to an existing AcroForm without disturbing its fields', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage();
    doc.getForm().createTextField('employee.name').setText('Nguyen Thi Huong');
    const withForm = await doc.save({ useObjectStreams: false });
    const signed = await signPdf(await signPdf(withForm, pki.employer.signer, { tsa }), pki.employee.signer, {
      tsa,
    });
    const names = (await PDFDocument.load(signed))
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).toEqual(['employee.name', 'Signature1', 'Signature2']);
    expect(
      runTool('pdfsig', [files.write('form.pdf', signed)]).stdout.match(/Signature is Valid\./g),
    ).toHaveLength(2);
  });
});
