/usr/local/bin/qemu-system-x86_64 \
-name gpucc-tdx \
-machine q35,kernel-irqchip=split,confidential-guest-support=tdx0,memory-backend=ram1 \
-accel kvm \
-cpu host \
-smp 16 \
-m 64G \
-object memory-backend-ram,id=ram1,size=64G \
-object '{"qom-type":"tdx-guest","id":"tdx0","sept-ve-disable":true,"quote-generation-socket":{"type":"vsock","cid":"2","port":"4050"}}' \
-bios /usr/share/ovmf/OVMF.inteltdx.fd \
-kernel /var/lib/gpucc/image/vmlinuz \
-initrd /var/lib/gpucc/image/initrd.img \
-append 'root=/dev/vda rw console=ttyS0 net.ifnames=0 panic=-1' \
-drive if=none,id=disk0,format=raw,file=/var/lib/gpucc/image/rootfs.img \
-device virtio-blk-pci,drive=disk0,disable-legacy=on,iommu_platform=true \
-netdev user,id=net0,hostfwd=tcp:0.0.0.0:7443-:7443 \
-device virtio-net-pci,netdev=net0,disable-legacy=on,iommu_platform=true,romfile= \
-device pcie-root-port,id=rp1,bus=pcie.0,chassis=1 \
-device vfio-pci,host=0000:17:00.0,bus=rp1 \
-fw_cfg name=opt/ovmf/X-PciMmio64Mb,string=262144 \
-nodefaults \
-display none \
-serial stdio \
-no-reboot
# TDX: MRTD is fixed by the TDVF (FIRMWARE) alone; the kernel, initrd and command line are
# measured by the TDVF into RTMR[1] and RTMR[2]. No tool in Debian computes them; compute
# MRTD from /usr/share/ovmf/OVMF.inteltdx.fd with a TDX measurement tool, or read
# MRTD/RTMRs from 'gpucc attest' on a host you trust, and pin them in the client policy.
