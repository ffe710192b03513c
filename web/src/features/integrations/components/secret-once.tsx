import { Alert, Button, Space } from 'antd';
import { CopyButton } from '../../../components/copy-button.tsx';

/** A secret shown exactly once: the warning, the value to select or copy, and the button that hides it. */
export function SecretOnce(props: {
  title: string;
  warning: string;
  secret: string;
  copyLabel: string;
  doneLabel: string;
  onDone: () => void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={props.title}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{props.warning}</span>
          <code className="integrations-secret" data-testid="secret-once">
            {props.secret}
          </code>
          <Space wrap>
            <CopyButton text={props.secret} label={props.copyLabel} />
            <Button onClick={props.onDone}>{props.doneLabel}</Button>
          </Space>
        </Space>
      }
    />
  );
}
