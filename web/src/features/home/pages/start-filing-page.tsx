import { Typography } from 'antd';

/** Placeholder until this page is built (issue 7). */
export default function Page() {
  return <Typography.Title level={2}>start-filing-page</Typography.Title>;
}
