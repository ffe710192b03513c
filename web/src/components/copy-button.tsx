import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { common } from './messages.ts';

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (permissions, older browser): the selection fallback.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** Copies `text`; the button says "已复制" for a moment, announced politely. */
export function CopyButton({ text, label, size }: { text: string; label: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <Button
      size={size}
      icon={done ? <CheckOutlined /> : <CopyOutlined />}
      aria-label={label}
      onClick={() =>
        void copyText(text).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 2000);
        })
      }
    >
      <span aria-live="polite">{done ? t(common.copied) : t(common.copy)}</span>
    </Button>
  );
}
