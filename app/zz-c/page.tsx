import { notFound } from "next/navigation";
export default async function P() {
  await new Promise((r) => setTimeout(r, 50));
  notFound();
}
