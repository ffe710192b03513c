import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { sfText } from '../second-factor-messages.ts';

/** The recovery codes, shown this once: copy, download as a text file, and say they were saved to go on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const text = `${t(sfText.fileHeader)}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'beian-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t(sfText.recoveryTitle)}
      </Typography.Title>
      <Typography.Paragraph>{t(sfText.recoveryIntro)}</Typography.Paragraph>
      <ul
        aria-label={t(sfText.recoveryListLabel)}
        data-testid="recovery-codes"
        style={{
          listStyle: 'none',
          padding: 12,
          margin: '0 0 12px',
          display: 'grid',
          gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
          gap: 6,
          background: '#f5f7fa',
          borderRadius: 6,
          fontFamily: 'monospace',
          fontSize: 15,
        }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Space wrap style={{ marginBottom: 16 }}>
        <CopyButton text={codes.join('\n')} label={t(sfText.copyCodes)} />
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t(sfText.download)}
        </Button>
      </Space>
      <div style={{ marginBottom: 16 }}>
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
          {t(sfText.savedThem)}
        </Checkbox>
      </div>
      <Button type="primary" block disabled={!saved} onClick={onDone}>
        {t(sfText.continue)}
      </Button>
    </>
  );
}
