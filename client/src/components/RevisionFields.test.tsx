import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import '../lib/i18n';
import { setLanguage } from '../lib/i18n';
import { renderWithProviders } from '../test/render';
import { RevisionFields } from './RevisionFields';

function renderFields(minEffectiveFrom?: string) {
  renderWithProviders(
    <Form layout="vertical">
      <RevisionFields labels={{ effectiveFrom: '生效日期', changeNote: '变更说明' }} testIdPrefix="x-form" minEffectiveFrom={minEffectiveFrom} />
      <Button htmlType="submit" data-testid="x-submit">
        保存
      </Button>
    </Form>,
  );
}

describe('RevisionFields', () => {
  beforeEach(async () => {
    await setLanguage('zh-CN');
  });

  it('asks for both, the date chosen and the note written', async () => {
    renderFields();
    await userEvent.setup().click(screen.getByTestId('x-submit'));
    expect(await screen.findByText('请选择生效日期')).toBeInTheDocument();
    expect(screen.getByText('请填写变更说明')).toBeInTheDocument();
    expect(screen.getByTestId('x-form-effective-from')).toBeInTheDocument();
    expect(screen.getByTestId('x-form-change-note')).toBeInTheDocument();
  });

  it('says how early a revision may start', () => {
    renderFields('2026-03-02');
    expect(screen.getByText(/不早于 2026-03-02/)).toBeInTheDocument();
  });
});
