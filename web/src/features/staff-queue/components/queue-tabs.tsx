import { Button } from 'antd';
import { type KeyboardEvent, useRef } from 'react';

export type QueueTabItem<K extends string> = { key: K; label: string; count?: number };

/**
 * The queue tabs as a wrapping row of buttons (ARIA tabs, arrow keys move between them): on a phone every tab and
 * its count stays visible instead of hiding behind an overflow menu.
 */
export function QueueTabs<K extends string>({
  items,
  active,
  onChange,
  label,
  countLabel,
}: {
  items: QueueTabItem<K>[];
  active: K;
  onChange: (key: K) => void;
  label: string;
  countLabel: (count: number) => string;
}) {
  const refs = useRef<(HTMLElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (index + step + items.length) % items.length;
    refs.current[next]?.focus();
    onChange(items[next]!.key);
  };
  return (
    <div role="tablist" aria-label={label} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {items.map((item, i) => {
        const selected = item.key === active;
        return (
          <Button
            key={item.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            type={selected ? 'primary' : 'default'}
            onClick={() => onChange(item.key)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {item.label}
            {item.count !== undefined && (
              <span
                title={countLabel(item.count)}
                style={{
                  marginInlineStart: 6,
                  padding: '0 7px',
                  borderRadius: 10,
                  fontSize: 12,
                  lineHeight: '18px',
                  background: selected ? '#ffffff' : '#f0f0f0',
                  color: selected ? '#1f1f1f' : '#262626',
                  fontVariantNumeric: 'tabular-nums',
                }}
              >
                {item.count}
              </span>
            )}
          </Button>
        );
      })}
    </div>
  );
}
