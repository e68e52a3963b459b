import { notFound } from "next/navigation";
export default async function P() {
  notFound();
}
