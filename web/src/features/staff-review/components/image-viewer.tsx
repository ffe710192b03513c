import { RedoOutlined, UndoOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { sr } from '../messages.ts';

/** One material's image with zoom and rotate (the scan may lie sideways); other files open in a new window. */
export function ImageViewer({ src, contentType, alt }: { src: string; contentType: string; alt: string }) {
  const { t } = useI18n();
  const [zoom, setZoom] = useState(1);
  const [turn, setTurn] = useState(0);
  if (!contentType.startsWith('image/'))
    return (
      <a href={src} target="_blank" rel="noreferrer">
        {t(sr.openFile)}
      </a>
    );
  return (
    <div className="sr-viewer">
      <Space size={4} wrap className="sr-viewer-tools">
        <Tooltip title={t(sr.zoomOut)}>
          <Button
            size="small"
            icon={<ZoomOutOutlined />}
            aria-label={`${t(sr.zoomOut)} · ${alt}`}
            disabled={zoom <= 0.5}
            onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))}
          />
        </Tooltip>
        <span aria-live="polite" className="sr-zoom">
          {Math.round(zoom * 100)}%
        </span>
        <Tooltip title={t(sr.zoomIn)}>
          <Button
            size="small"
            icon={<ZoomInOutlined />}
            aria-label={`${t(sr.zoomIn)} · ${alt}`}
            disabled={zoom >= 4}
            onClick={() => setZoom((z) => Math.min(4, z + 0.25))}
          />
        </Tooltip>
        <Tooltip title={t(sr.rotate)}>
          <Button
            size="small"
            icon={<RedoOutlined />}
            aria-label={`${t(sr.rotate)} · ${alt}`}
            onClick={() => setTurn((r) => (r + 90) % 360)}
          />
        </Tooltip>
        <Tooltip title={t(sr.resetView)}>
          <Button
            size="small"
            icon={<UndoOutlined />}
            aria-label={`${t(sr.resetView)} · ${alt}`}
            onClick={() => {
              setZoom(1);
              setTurn(0);
            }}
          />
        </Tooltip>
        <a href={src} target="_blank" rel="noreferrer">
          {t(sr.openFile)}
        </a>
      </Space>
      <div className="sr-viewer-frame">
        <img
          src={src}
          alt={alt}
          className="sr-viewer-img"
          style={{ transform: `scale(${zoom}) rotate(${turn}deg)` }}
          data-rotation={turn}
        />
      </div>
    </div>
  );
}
