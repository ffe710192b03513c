import { Checkbox, Form } from 'antd';

/**
 * A required group of checkboxes, each a label with its wire name beside it (scopes of a key, events of a webhook).
 * Required through a validator, not `required`: antd would put aria-required on the group's plain div
 * (axe: aria-allowed-attr).
 */
export function ChecklistField<T extends string>({
  name,
  label,
  requiredMessage,
  options,
}: {
  name: string;
  label: string;
  requiredMessage: string;
  options: ReadonlyArray<{ value: T; label: string }>;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        {
          validator: (_r, v: unknown[] | undefined) =>
            v?.length ? Promise.resolve() : Promise.reject(new Error(requiredMessage)),
        },
      ]}
    >
      <Checkbox.Group className="integrations-checks" role="group" aria-label={label}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value}>
            {o.label} <code>{o.value}</code>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Form.Item>
  );
}
