import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setFetch } from '../../api/client.ts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import type { OrderView } from '../orders/api/get-order.ts';
import { FilingWizard } from './components/filing-wizard.tsx';
import { editableChecker, stepOfPath, stepsFor, toOrderData } from './wizard-model.ts';

const person = {
  name: '李四',
  idType: 'resident_id' as const,
  idNumber: '11010519491231002X',
  idValidUntil: 'long_term' as const,
  mobile: '13812345678',
  emergencyPhone: '13912345678',
  email: 'li@example.cn',
  isLegalPerson: true,
};

function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'first_filing',
    typeCode: 'T1',
    typeName: { zhCN: '首次备案', enUS: 'First filing' },
    typeReason: null,
    state: 'draft',
    stateLabel: { zhCN: '填写中', enUS: 'Draft' },
    version: 3,
    verificationStage: 'after_provider_review',
    province: 'beijing',
    data: {
      subject: {
        province: 'beijing',
        city: '北京市',
        subjectType: 'enterprise',
        certificateType: 'business_license',
        sponsorName: '北京云帆信息技术有限公司',
        responsiblePerson: person,
      },
      websites: [{ domain: 'example.cn', sameAsSubjectResponsible: false, languages: ['zh_hans'] }],
    },
    targetWebsiteIds: [],
    termsAccepted: false,
    allowedActions: [],
    rejections: [],
    precheck: null,
    materials: [],
    sms: null,
    numbers: null,
    submittedAt: null,
    lastSubmittedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

const requests: { url: string; method: string; body: unknown }[] = [];
beforeEach(() => {
  sessionStorage.clear();
  requests.length = 0;
  setFetch(async (input, init) => {
    const url = String(input);
    requests.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
    if (url.endsWith('/records')) return new Response(JSON.stringify({ subject: null, websites: [] }), { status: 200 });
    return new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'x' }), { status: 404 });
  });
});
afterEach(() => {
  cleanup();
  setFetch((...a) => fetch(...a));
});

function renderWizard(order: OrderView, step = 'subject') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [{ path: '/orders/:id/edit', element: <FilingWizard order={order} today={new Date('2026-06-01')} /> }],
    { initialEntries: [`/orders/${order.id}/edit?step=${step}`] },
  );
  return render(
    <QueryClientProvider client={qc}>
      <I18nProvider locale="zh-CN">
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const visibleStep = () => document.getElementById('wizard-step-content') as HTMLElement;

describe('the wizard model', () => {
  it('has the steps the filing type needs', () => {
    expect(stepsFor(orderView())).toEqual(['subject', 'websites', 'materials', 'confirm']);
    expect(stepsFor(orderView({ type: 'add_website_subject_here' }))).toEqual([
      'check',
      'websites',
      'materials',
      'confirm',
    ]);
    expect(stepsFor(orderView({ type: 'cancel_website', data: { websites: [] } }))).toEqual(['cancel', 'confirm']);
    expect(stepsFor(orderView({ verificationStage: 'before_submit' }))).toContain('verification');
  });
  it('routes paths to steps and materials findings to the materials step', () => {
    const steps = stepsFor(orderView());
    expect(stepOfPath('websites.0.responsiblePerson.mobile', steps)).toBe('websites');
    expect(stepOfPath('websites.0.materials.DOMAIN_CERT', steps)).toBe('materials');
    expect(stepOfPath('subject.sponsorName', steps)).toBe('subject');
  });
  it('sends only what the type carries, without empty values', () => {
    const data = toOrderData(orderView({ type: 'add_website_subject_here' }), {
      subject: { city: 'x' },
      websites: [{ domain: 'a.cn', name: '', ipAddresses: [''], languages: [] }],
    });
    expect(data).toEqual({ websites: [{ domain: 'a.cn', preApprovals: [] }] });
  });
  it('opens only the rejected fields', () => {
    const editable = editableChecker([{ field: 'websites.0.responsiblePerson', code: 'X_Y', message: 'm' }]);
    expect(editable('websites.0.responsiblePerson.mobile')).toBe(true);
    expect(editable('websites.0.name')).toBe(false);
    expect(editableChecker(null)('subject.city')).toBe(true);
  });

  it('a rejected field of a website person copied from the subject opens the 同主体负责人 switch too', () => {
    const editable = editableChecker([
      { field: 'websites.1.responsiblePerson.mobile', code: 'MOBILE_NOT_OWNER', message: 'm' },
    ]);
    expect(editable('websites.1.sameAsSubjectResponsible')).toBe(true);
    expect(editable('websites.1.responsiblePerson.mobile')).toBe(true);
    expect(editable('websites.1.responsiblePerson.name')).toBe(false);
    expect(editable('websites.0.sameAsSubjectResponsible')).toBe(false);
  });
});

// antd forms render slowly under happy-dom on a shared 2-core machine.
describe('the wizard form', { timeout: 30_000 }, () => {
  it('shows a bad credit code as it is typed', async () => {
    const user = userEvent.setup();
    renderWizard(orderView());
    const input = await within(visibleStep()).findByLabelText('主办单位证件号码');
    await user.click(input);
    await user.paste('91110105MA0000000X');
    expect(await within(visibleStep()).findByText(/统一社会信用代码/)).toBeTruthy();
  });

  it('同主体负责人 copies the subject person and locks the fields', async () => {
    renderWizard(orderView(), 'websites');
    const box = await screen.findByRole('checkbox', { name: '同主体负责人' });
    fireEvent.click(box);
    const card = screen.getByText('网站 1').closest('.ant-card') as HTMLElement;
    await waitFor(() => expect((within(card).getByLabelText('姓名') as HTMLInputElement).value).toBe('李四'));
    expect(within(card).getByLabelText('手机号码').hasAttribute('disabled')).toBe(true);
    expect((within(card).getByLabelText('证件号码') as HTMLInputElement).value).toBe(person.idNumber);
  });

  it('puts a pre-check finding on its field with the fix', async () => {
    renderWizard(
      orderView({
        precheck: {
          findings: [
            {
              ruleId: 'guangdong.emergency_differs',
              severity: 'block',
              field: 'subject.responsiblePerson.emergencyPhone',
              message: { zhCN: '应急联系电话不能与手机号码相同', enUS: 'x' },
              fix: { zhCN: '填写另一个号码', enUS: 'y' },
            },
          ],
          requiredMaterials: [],
          missingMaterials: [],
          blocking: 1,
        },
      }),
    );
    const subjectPerson = (await screen.findByText('主体负责人', { selector: '.ant-card-head-title' })).closest(
      '.ant-card',
    ) as HTMLElement;
    const input = within(subjectPerson).getByLabelText('应急联系电话');
    const item = input.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item.textContent).toContain('应急联系电话不能与手机号码相同'));
    expect(item.textContent).toContain('修改建议：填写另一个号码');
    // …and the findings panel lists it with a link to the field.
    expect(screen.getByRole('button', { name: '定位到该项' })).toBeTruthy();
  });

  it('after a rejection only the rejected fields can be edited, with the reason on them', async () => {
    renderWizard(
      orderView({
        state: 'provider_rejected',
        rejections: [
          {
            stage: 'provider',
            at: '2026-05-01T00:00:00.000Z',
            reasons: [
              {
                field: 'subject.mailingAddress',
                code: 'ADDRESS_INCOMPLETE',
                message: '通信地址不完整',
                suggestion: '请精确到门牌号',
              },
            ],
          },
        ],
      }),
    );
    const step = visibleStep();
    const address = (await within(step).findByLabelText('通信地址')) as HTMLInputElement;
    expect(address.hasAttribute('disabled')).toBe(false);
    expect(within(step).getByLabelText('所属城市').hasAttribute('disabled')).toBe(true);
    expect(within(step).getByLabelText('主办单位或主办人名称').hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(address.closest('.ant-form-item')?.textContent).toContain('通信地址不完整'));
    expect(screen.getAllByText(/请精确到门牌号/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await screen.findAllByRole('button', { name: '下一步' });
  });
});
